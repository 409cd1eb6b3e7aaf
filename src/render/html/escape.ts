const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for HTML content or a quoted attribute value: it shows as written and never becomes markup. */
export function escapeHtml(text: string): string {
  return SPECIAL.test(text) ? text.replace(SPECIALS, (c) => ENTITIES[c]!) : text;
}

const SPECIAL = /[&<>"']/;
const SPECIALS = /[&<>"']/g;

/** Tagged template: every interpolated value is escaped unless it is already `Html`. */
export function html(strings: TemplateStringsArray, ...values: readonly (Html | string | number)[]): Html {
  let out = strings[0]!;
  values.forEach((v, i) => {
    out += (v instanceof Html ? v.value : escapeHtml(String(v))) + strings[i + 1]!;
  });
  return new Html(out);
}

/** Markup that is known to be safe: built by `html` or `join` from escaped parts. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export function join(parts: readonly Html[], separator = ''): Html {
  return new Html(parts.map((p) => p.value).join(separator));
}
