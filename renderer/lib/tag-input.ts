/** Tags typed in one field, separated by commas (a tag may contain spaces and `/`, never a comma). */
export function parseTagInput(text: string): string[] {
  const out: string[] = [];
  for (const part of text.split(',')) {
    const tag = part.trim();
    if (tag && !out.some((other) => other.toLowerCase() === tag.toLowerCase())) out.push(tag);
  }
  return out;
}
