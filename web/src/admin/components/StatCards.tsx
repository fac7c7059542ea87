/** A row of headline statistic cards (a statistics page's top): value or a "none" text, unit, colour and a note under it. */
import { Card, Statistic, Typography } from 'antd';

export interface StatCardItem {
  key: string;
  title: string;
  value: number | string | null;
  suffix?: string;
  note?: string;
  color: string;
}

export function StatCards({ items, none, testId }: { items: readonly StatCardItem[]; none: string; testId: string }) {
  return (
    <div className="stat-grid" data-testid={`${testId}-headline`}>
      {items.map((h) => (
        <Card key={h.key} className="stat-card" size="small" variant="borderless" data-testid={`${testId}-${h.key}`}>
          <div>
            <Statistic
              title={h.title}
              value={h.value ?? none}
              suffix={h.value === null ? undefined : h.suffix}
              styles={{ content: { color: h.color, fontWeight: 600 } }}
            />
            {h.note && <Typography.Text type="secondary">{h.note}</Typography.Text>}
          </div>
        </Card>
      ))}
    </div>
  );
}
