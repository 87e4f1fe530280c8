// axe-core's WCAG 2.2 A/AA rules on a page, for every browser test that checks accessibility.
import AxeBuilder from "@axe-core/playwright";

/** The rules the page breaks, one line each (rule, impact, elements); empty when none. */
export async function violations(page) {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]).analyze();
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}
