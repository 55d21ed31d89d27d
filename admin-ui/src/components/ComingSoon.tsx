import { Callout, CalloutText, CalloutTitle } from 'design-react-kit';
import { usePageTitle } from './usePageTitle';

/** Placeholder for a screen whose API has not landed yet. */
export function ComingSoon({ title }: { title: string }) {
  usePageTitle(title);
  return (
    <>
      <h1>{title}</h1>
      <Callout color="note" className="my-4">
        <CalloutTitle>
          <span className="text">In arrivo</span>
        </CalloutTitle>
        <CalloutText>Questa sezione sarà disponibile a breve.</CalloutText>
      </Callout>
    </>
  );
}
