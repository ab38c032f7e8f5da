/** `offprint doctor`: checks every article, moves damaged ones to quarantine, and says what it found. */
import type { CommandContext } from '../main';
import { json, printable } from '../output';

export async function doctorCommand({ library, options, out }: CommandContext): Promise<number> {
  const health = await library.doctor();
  if (options.json) {
    json(out, health);
    return 0;
  }
  for (const line of health.repairs) out.write(`repaired: ${printable(line)}\n`);
  for (const line of health.unrepaired) out.write(`damaged: ${printable(line)}\n`);
  if (health.quarantined.length) {
    out.write(`In quarantine (${health.quarantined.length}), kept as they were found:\n`);
    for (const q of health.quarantined) out.write(`  ${q.folder}\n    ${printable(q.reason)}\n`);
  }
  if (!health.repairs.length && !health.unrepaired.length && !health.quarantined.length)
    out.write('The library is healthy: every article is whole and matches its original.\n');
  return 0;
}
