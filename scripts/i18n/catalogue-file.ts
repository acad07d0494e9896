/** How a catalogue file is written: keys sorted, two-space JSON, one key per line, a final newline. */
export function serialise(messages: Readonly<Record<string, string>>): string {
  const sorted: Record<string, string> = {};
  for (const k of Object.keys(messages).sort()) sorted[k] = messages[k]!;
  return `${JSON.stringify(sorted, null, 2)}\n`;
}
