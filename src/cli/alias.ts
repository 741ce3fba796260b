import type { Command } from 'commander';

/**
 * Accept `aliasFlags` as a hidden, older or other-command spelling of the option `canonical` (its
 * attribute name, e.g. 'level' for --level): the alias works but is not in --help, and the canonical
 * option wins when both are given. So one thing has one name across commands without breaking a
 * command line that used the other.
 *
 * @example
 * hiddenAlias(cmd, '--intervals <level>', 'level'); // `--intervals 0.8` now means `--level 0.8`
 */
export function hiddenAlias(cmd: Command, aliasFlags: string, canonical: string): Command {
  const option = cmd.createOption(aliasFlags).hideHelp();
  cmd.addOption(option);
  const key = option.attributeName();
  cmd.hook('preAction', (_self, action) => {
    if (action !== cmd || cmd.getOptionValueSource(key) !== 'cli') return;
    if (cmd.getOptionValueSource(canonical) === 'cli') return;
    cmd.setOptionValueWithSource(canonical, cmd.getOptionValue(key), 'cli');
  });
  return cmd;
}
