/** A simple five-pointed star mark used as the platform logo (decorative). */
export function PartyEmblem({ size = 32 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false" className="party-emblem">
      <circle cx="16" cy="16" r="15" fill="#d4a017" />
      <circle cx="16" cy="16" r="12.5" fill="#b71c1c" />
      <path
        fill="#ffd54f"
        d="M16 6.5l2.35 7.02h7.4l-5.99 4.35 2.29 7.03L16 20.55l-6.05 4.35 2.29-7.03-5.99-4.35h7.4z"
      />
    </svg>
  );
}
