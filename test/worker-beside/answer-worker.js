// A worker for test/worker-beside.test.ts, run from the compiled package: answers, throws or exits as asked.
import { answerBeside } from '../../dist/worker-beside.js';
import { ClvkitError } from '../../dist/errors.js';

answerBeside(async (d) => {
  if (d.do === 'sum') return d.xs.reduce((a, b) => a + b, 0);
  if (d.do === 'clvkit') throw new ClvkitError('no repeat buyers');
  if (d.do === 'bug') throw new TypeError('x is not a function');
  if (d.do === 'exit') process.exit(3);
  return () => 1; // a function cannot be sent back
});
