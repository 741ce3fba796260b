/**
 * The overview help (`clvkit --help`) laid out as commander lays out its own, so that the call
 * answers without loading commander. Each command's `--help` still comes from commander.
 *
 * @example
 * overviewHelp('Analytics', [['fit', 'fit a model']], 80);
 * // 'Usage: clvkit [options] [command]\n\nAnalytics\n\nOptions:\n  -V, --version …'
 */
export function overviewHelp(description: string, commands: [string, string][], columns = 80): string {
  const options: [string, string][] = [
    ['-V, --version', 'output the version number'],
    ['--debug', 'print stack traces of errors'],
    ['-h, --help', 'display help for command'],
  ];
  const cmds: [string, string][] = [...commands, ['help [command]', 'display help for command']];
  const termWidth = Math.max(...[...options, ...cmds].map(([t]) => t.length));
  const width = Math.max(40, Math.min(columns || 80, 200));
  const item = ([term, text]: [string, string]) => {
    const indent = 2 + termWidth + 2;
    const lines = wrap(text, width - indent);
    return '  ' + term.padEnd(termWidth + 2) + lines.join('\n' + ' '.repeat(indent));
  };
  return [
    'Usage: clvkit [options] [command]',
    '',
    description,
    '',
    'Options:',
    ...options.map(item),
    '',
    'Commands:',
    ...cmds.map(item),
    '',
  ].join('\n');
}

/** Greedy word wrap to `width` columns. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? line + ' ' + word : word;
  }
  lines.push(line);
  return lines;
}
