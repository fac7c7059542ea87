/** A section's small hub on the phone pages: one tap to each of its pages, the current one marked. */
export interface HubLink {
  key: string;
  url: string;
  label: string;
}

export function HubLinks({ label, links, current, onOpen }: { label: string; links: readonly HubLink[]; current: string | null; onOpen: (url: string) => void }) {
  return (
    <nav className="m-hub" aria-label={label}>
      {links.map((l) => (
        <a
          key={l.key}
          href={l.url}
          aria-current={current === l.key ? 'page' : undefined}
          onClick={(e) => {
            e.preventDefault();
            onOpen(l.url);
          }}
        >
          {l.label}
        </a>
      ))}
    </nav>
  );
}
