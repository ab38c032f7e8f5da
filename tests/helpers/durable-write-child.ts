/**
 * Writes one file with writeFileDurable and exits: run under strace by durable-write-order.test.ts, which reads
 * the order of the system calls that reach the disk. Usage: `node --import tsx durable-write-child.ts FILE TEXT`.
 */
import { writeFileDurable } from '../../main/library/store/durable-write';

const [target, text] = process.argv.slice(2);
if (!target || text === undefined) throw new Error('usage: durable-write-child FILE TEXT');
await writeFileDurable(target, text);
