import { Card, Statistic, Typography } from 'antd';
import type { ReactNode } from 'react';

/**
 * A figure of the dashboard that opens the list behind it. The card is a button for keyboards and screen readers,
 * named "<title>: <value>" so the number is read with what it counts.
 */
export function StatCard({ title, value, suffix, hint, onOpen, tone }: { title: string; value: string | number; suffix?: string; hint?: ReactNode; onOpen?: () => void; tone?: 'warning' | 'success' }) {
  const color = tone === 'warning' ? '#d46b08' : tone === 'success' ? '#389e0d' : undefined;
  return (
    <Card
      size="small"
      hoverable={!!onOpen}
      role={onOpen ? 'button' : undefined}
      tabIndex={onOpen ? 0 : undefined}
      aria-label={`${title}: ${value}${suffix ? ` ${suffix}` : ''}`}
      onClick={onOpen}
      onKeyDown={(e) => {
        if (onOpen && (e.key === 'Enter' || e.key === ' ')) {
          e.preventDefault();
          onOpen();
        }
      }}
      style={{ height: '100%' }}
    >
      <Statistic title={title} value={value} suffix={suffix} styles={{ content: { color } }} />
      {hint && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {hint}
        </Typography.Text>
      )}
    </Card>
  );
}
