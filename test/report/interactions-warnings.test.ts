import { describe, expect, it } from 'vitest';
import { interactionWarningFr } from '../../src/report/sections/interactions-warnings.ts';

// Oracle: the English messages as the analysis writes them, translated by hand.
describe('the contact section’s warnings in French (hand translations)', () => {
  it('rewrites each known message with its figures and plural forms', () => {
    expect(interactionWarningFr('1 contact(s) are of customers without a purchase in the transactions and are not used')).toBe(
      '1 contact concerne des personnes sans achat dans les transactions et n’est pas utilisé',
    );
    expect(interactionWarningFr('12 contact(s) are dated before the first purchase of any customer or after the end of observation and are not used')).toMatch(/^12 contacts sont datés .* ne sont pas utilisés$/);
    expect(interactionWarningFr("contacts are counted per 7-day period (the model's week is 7.0000 days)")).toBe('les contacts sont comptés par période de 7 jours (l’unité du modèle, la semaine, dure 7,0000 jours)');
    expect(interactionWarningFr('saturation view: covariate "email_band3" is constant (0), so its coefficient is not identified (no standard error)')).toBe(
      'vue de saturation : la covariable « email_band3 » est constante (0) : son coefficient n’est pas identifié (pas d’erreur type)',
    );
    expect(interactionWarningFr('coefficient trans:email = 9.12 (SE 80.1) is not identified by the data (the likelihood is flat in that direction): drop the covariate from that process or add an L2 penalty')).toMatch(/^le coefficient trans:email = 9,12 \(erreur type 80,1\) n’est pas identifié/);
    expect(interactionWarningFr('paretonbd with time-varying covariates: the fit did not converge in 200 iterations; the estimates are the best point found')).toMatch(/^paretonbd avec covariables : l’ajustement n’a pas convergé en 200 itérations/);
  });
  it('marks a message it does not know as English instead of hiding it', () => {
    expect(interactionWarningFr('something new')).toBe('remarque (en anglais) : something new');
  });
});
