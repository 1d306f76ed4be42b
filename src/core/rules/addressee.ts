/**
 * Who a rule addresses (spec §7, rev 2): the school, the municipal methodological service
 * (ММС) or the founder (учредитель). The addressee is free text in «Правила»; it is read by
 * its words (a choice: «учредитель», «орган управления образованием» -> founder; anything
 * with «школ» -> school; the rest — ММС, РМК, методическая служба — the service).
 */
export type AddresseeKind = 'school' | 'service' | 'founder';

export function addresseeKind(text: string): AddresseeKind {
  const t = text.toLowerCase();
  if (/учредител|орган[а-я]* управлени/.test(t)) return 'founder';
  if (/школ|\bоо\b/.test(t)) return 'school';
  return 'service';
}
