//! Usage: icu-subset <out-dir> <plurals|plurals+nums> <locale>...
//! Writes ICU4X baked data (the format leptos_i18n_build::generate_data writes) for just the
//! given locales, taking it from ICU4X's own compiled data instead of downloading CLDR.
extern crate alloc;

use icu::decimal::provider::{DecimalDigitsV1, DecimalSymbolsV1};
use icu::plurals::provider::{PluralsCardinalV1, PluralsOrdinalV1};
use icu_locale::LocaleFallbacker;
use icu_provider::DataMarker;
use icu_provider_export::{
    baked_exporter::{self, BakedExporter},
    DataLocaleFamily, DeduplicationStrategy, ExportDriver,
};

// The data macros call their `__impl_*` helpers unqualified.
use icu_decimal_data::*;
use icu_plurals_data::*;

/// ICU4X's compiled data (all locales), made iterable so it can be exported.
struct AllLocales;
icu_plurals_data::make_provider!(AllLocales);
impl_plurals_cardinal_v1!(AllLocales, ITER);
impl_plurals_ordinal_v1!(AllLocales, ITER);
impl_decimal_symbols_v1!(AllLocales, ITER);
impl_decimal_digits_v1!(AllLocales, ITER);
icu_provider::export::make_exportable_provider!(
    AllLocales,
    [PluralsCardinalV1, PluralsOrdinalV1, DecimalSymbolsV1, DecimalDigitsV1,]
);

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (out, what, locales) = (&args[0], &args[1], &args[2..]);
    let mut markers = vec![PluralsCardinalV1::INFO, PluralsOrdinalV1::INFO];
    if what == "plurals+nums" {
        markers.extend([DecimalSymbolsV1::INFO, DecimalDigitsV1::INFO]);
    }
    let families = locales.iter().map(|l| l.parse::<DataLocaleFamily>().unwrap());
    let mut options = baked_exporter::Options::default();
    options.overwrite = true;
    options.use_internal_fallback = false; // same settings as leptos_i18n_build
    let exporter = BakedExporter::new(out.into(), options).unwrap();
    let meta = ExportDriver::new(families, DeduplicationStrategy::None.into(), LocaleFallbacker::new_without_data())
        .with_markers(markers)
        .export(&AllLocales, exporter)
        .unwrap();
    eprintln!("wrote {out}: {meta:?}");
}
