import { useQuery } from 'urql';
import type { ProfessionalProfileShowQuery } from '../../gql/graphql';
import { ProfessionalProfileShowQuery as Query } from './operations';

export type Profile = NonNullable<ProfessionalProfileShowQuery['professionalProfile']>;

/** The signed-in professional's register entry (null when they are not in the register). */
export function useProfessionalProfile() {
  const [{ data, fetching, error }, reexecute] = useQuery({ query: Query });
  return {
    profile: data?.professionalProfile ?? null,
    /** True once the answer came (with or without a profile). */
    loaded: !!data,
    fetching,
    error,
    reload: () => reexecute({ requestPolicy: 'network-only' }),
  };
}

/** What the professional cannot do yet, in Italian; null when they may declare procure. */
export function profileProblem(profile: Profile | null): { title: string; text: string } | null {
  if (!profile) {
    return {
      title: 'Non risulti iscritto nel registro dei professionisti',
      text:
        'Per dichiarare procure devi essere registrato come professionista (commercialista o consulente del lavoro) ' +
        "con il tuo codice fiscale, il tipo utente Entratel e l'iscrizione all'albo, e la registrazione deve essere verificata " +
        "da un amministratore. Rivolgiti all'assistenza indicando questi dati.",
    };
  }
  if (!profile.verified) {
    return {
      title: 'Registrazione in attesa di verifica',
      text:
        'Un amministratore deve verificare la tua registrazione. Fino ad allora non puoi dichiarare procure, comunicare ' +
        "collaboratori, creare chiavi API né registrare webhook. Se l'attesa si prolunga, contatta l'assistenza indicando il tuo " +
        'codice fiscale.',
    };
  }
  if (!profile.mayDeclareProcure) {
    return {
      title: 'Il tuo tipo utente Entratel non consente di dichiarare procure',
      text:
        `Sei registrato con il tipo utente ${profile.entratelUserType}: possono dichiarare procure e comunicare collaboratori ` +
        'solo i tipi A10, A20, A25 (commercialisti) e A30, A56 (consulenti del lavoro). Se il dato è errato, contatta ' +
        "l'assistenza.",
    };
  }
  return null;
}
