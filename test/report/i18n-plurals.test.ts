import { describe, expect, it } from 'vitest';
import { messages } from '../../src/report/i18n.ts';

// Oracle: the CLDR plural rules (English: singular for 1; French: singular for 0 and 1).
describe('report messages take the plural form of their counts', () => {
  const en = messages('en');
  const fr = messages('fr');
  it('English: 1 customer, 2 customers; 1 month', () => {
    expect(en.modelIntro('BG/NBD', '1')).toBe('BG/NBD fitted by maximum likelihood on 1 customer.');
    expect(en.modelIntro('BG/NBD', '2')).toBe('BG/NBD fitted by maximum likelihood on 2 customers.');
    expect(en.recruitmentText('1', '1', 'Jan')).toBe('1 customer was acquired over 1 month; the busiest month was Jan.');
    expect(en.zeroClv('1')).toMatch(/^1 customer has a value/);
    expect(en.npsText('10', '0', '20', '1')).toMatch(/from 1 respondent\.$/);
  });
  it('French: 0 client, 1 client, 2 clients', () => {
    expect(fr.modelIntro('BG/NBD', '0')).toBe('BG/NBD ajusté par maximum de vraisemblance sur 0 client.');
    expect(fr.modelIntro('BG/NBD', '1')).toBe('BG/NBD ajusté par maximum de vraisemblance sur 1 client.');
    expect(fr.modelIntro('BG/NBD', '2')).toBe('BG/NBD ajusté par maximum de vraisemblance sur 2 clients.');
    expect(fr.survivalText('1', '0', '3,5')).toBe('1 abonnement, dont 0 résilié ; durée de vie médiane 3,5 mois.');
    expect(fr.zeroClv('1\u202f234')).toMatch(/^1\u202f234 clients ont une valeur/);
    expect(fr.warnOneTimeBuyers('1', '50 %')).toMatch(/^1 client \(50 %\) n’a pas racheté/);
  });
});

describe('the report guide takes the plural form of its counts (CLDR rules)', async () => {
  const { guide } = await import('../../src/report/guide.ts');
  const en = guide('en');
  const fr = guide('fr');
  it('at-risk and top-customer intros, table captions', () => {
    expect(en.atRiskIntro('1')).toMatch(/^1 customer in a top past-value tier .* has a probability/);
    expect(en.atRiskIntro('1,128')).toMatch(/^1,128 customers in a top past-value tier .* have a probability/);
    expect(en.topIntro('1')).toMatch(/^The 1 customer with/);
    expect(en.topIntro('20')).toMatch(/^The 20 customers with/);
    expect(en.tableShown('1', '1')).toBe('Showing 1 of 1 row; the CSV holds all of them.');
    expect(fr.atRiskIntro('1')).toMatch(/^1 client d’un palier .* a une probabilité d’être actif inférieure/);
    expect(fr.atRiskIntro('1\u202f128')).toMatch(/^1\u202f128 clients d’un palier .* ont une probabilité d’être actifs inférieure/);
    expect(fr.topIntro('1')).toMatch(/^Le client de plus forte valeur vie, avec sa probabilité/);
    expect(fr.tableShown('1', '3')).toMatch(/^1 ligne affichée sur 3/);
    expect(fr.tableShown('20', '300')).toMatch(/^20 lignes affichées sur 300/);
  });
});
