import type { IndicatorDefinition } from '../api/types.js';

/** 'About this indicator': definition, how it is counted, source and caveats, from the catalogue. */
export function AboutPanel({ definition }: { definition: IndicatorDefinition }) {
  const caveats = Array.isArray(definition.caveats) ? [...definition.caveats] : definition.caveats ? [definition.caveats] : [];
  if (definition.notes) caveats.push(definition.notes);
  return (
    <details className="about">
      <summary>
        About this indicator<span className="visually-hidden">: {definition.title}</span>
      </summary>
      <dl>
        <dt>Definition</dt>
        <dd>{definition.definition || 'No definition recorded.'}</dd>
        {definition.numerator && (
          <>
            <dt>Numerator</dt>
            <dd>{definition.numerator}</dd>
          </>
        )}
        {definition.denominator && (
          <>
            <dt>Denominator</dt>
            <dd>{definition.denominator}</dd>
          </>
        )}
        {(definition.source || definition.sourceDetail) && (
          <>
            <dt>Source</dt>
            <dd>{[definition.source, definition.sourceDetail].filter(Boolean).join(': ')}</dd>
          </>
        )}
        {caveats.length > 0 && (
          <>
            <dt>Caveats</dt>
            <dd>
              <ul>
                {caveats.map((c) => (
                  <li key={c}>{c}</li>
                ))}
              </ul>
            </dd>
          </>
        )}
      </dl>
    </details>
  );
}
