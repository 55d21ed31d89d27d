import { usePageTitle } from './usePageTitle';

/** Placeholder for a screen whose API has not landed yet. */
export function ComingSoon({ title }: { title: string }) {
  usePageTitle(title);
  return (
    <>
      <h1>{title}</h1>
      <div className="callout note my-4">
        <div className="callout-title">In arrivo</div>
        <p>Questa sezione sarà disponibile a breve.</p>
      </div>
    </>
  );
}
