//! The evidence-link check (`domain::evidence`) against an established URL parser: the `url`
//! crate, which implements the WHATWG URL standard that browsers follow. On the same inputs,
//! Fitcheck must never take an address the standard refuses, must agree on the scheme and the
//! host of every address it takes, and may only be stricter (no login, no bare host or IP, no
//! raw characters a browser would have to escape). Both verdicts are printed side by side.

use fitcheck::domain::candidate::evidence::Evidence;
use url::Url;

const INPUTS: &[&str] = &[
    "https://github.com/jane/churn-model",
    "https://github.com/jane/churn-model/pull/12",
    "HTTPS://GitHub.com/Jane/Repo",
    "https://www.credly.com/badges/0c5a3b1e-1111-4222-8333-944445555666/public_url",
    "https://example.com:8443/a?b=c&d=e#frag",
    "https://example.com/path%20with%20escapes",
    "https://de.wikipedia.org/wiki/Überanpassung",
    "https://example.com./trailing-dot",
    "https://sub.domain.example.co.uk/x",
    "https://a-b.example/x",
    "http://example.com/",
    "ftp://example.com/file",
    "javascript:alert(1)",
    "data:text/html,<b>x</b>",
    "github.com/jane/repo",
    "www.example.com",
    "https:example.com",
    "https:/example.com",
    "https://",
    "https:///path",
    "https://localhost/x",
    "https://127.0.0.1/x",
    "https://[::1]/x",
    "https://user:pw@example.com/",
    "https://example.com@evil.example/",
    "https://exa mple.com/",
    "https://example.com/a b",
    "https://example.com/<script>",
    "https://example.com:65536/",
    "https://example.com:0/",
    "https://-bad.example/",
    "https://bad-.example/",
    "https://ex_ample.com/",
    "https://xn--bcher-kva.example/",
    "https://example.com/\u{0}",
    "https://example.123/",
    "https://example.c/",
    " https://example.com/padded ",
];

#[test]
fn the_evidence_check_is_never_looser_than_the_whatwg_parser_and_agrees_on_what_it_takes() {
    println!(
        "{:<64} {:<10} {:<10} host",
        "input", "fitcheck", "url crate"
    );
    let mut taken = 0;
    let mut stricter = 0;
    for input in INPUTS {
        let ours = Evidence::new(input, "");
        let reference = Url::parse(input.trim());
        println!(
            "{:<64} {:<10} {:<10} {}",
            format!("{input:?}"),
            if ours.is_ok() { "takes" } else { "refuses" },
            match &reference {
                Ok(u) if u.scheme() == "https" => "https",
                Ok(u) => u.scheme(),
                Err(_) => "error",
            },
            reference
                .as_ref()
                .ok()
                .and_then(|u| u.host_str())
                .unwrap_or("-")
        );
        match (&ours, &reference) {
            (Ok(evidence), Ok(url)) => {
                taken += 1;
                assert_eq!(url.scheme(), "https", "{input}");
                assert_eq!(
                    Some(evidence.host().trim_end_matches('.')),
                    url.host_str().map(|h| h.trim_end_matches('.')),
                    "{input}"
                );
                assert_eq!(url.username(), "", "{input}");
                // What Fitcheck keeps parses to the same address as what was typed.
                let kept = Url::parse(&evidence.url).expect("a kept address parses");
                assert_eq!(kept, *url, "{input}");
            }
            (Ok(_), Err(e)) => panic!("{input:?} taken, but the standard refuses it: {e}"),
            (Err(_), Ok(url)) if url.scheme() == "https" => stricter += 1,
            (Err(_), _) => {}
        }
    }
    println!("taken by both: {taken}; https to the standard but refused here: {stricter}");
    assert!(taken >= 9, "the real addresses above are taken");
}
