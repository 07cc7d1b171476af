const URL_PATTERN = /(https?:\/\/[^\s)]+)/g;

/** Text whose URLs (in sources and citations) are links. */
export function LinkedText({ text }: { readonly text: string }) {
  const parts = text.split(URL_PATTERN);
  return (
    <>
      {parts.map((part, index) =>
        index % 2 === 1 ? (
          <a key={index} href={part} rel="noreferrer" target="_blank">
            {part.replace(/^https?:\/\//, "").replace(/\/$/, "")}
          </a>
        ) : (
          part
        ),
      )}
    </>
  );
}
