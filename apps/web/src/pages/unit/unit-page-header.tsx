import { Breadcrumb, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

/** The title of a unit officer's page, the campaign and unit it is about, and the way back to the unit's work. */
export function UnitPageHeader(props: { title: string; campaignName?: string; unitName: string; extra?: ReactNode }) {
  return (
    <div style={{ marginBottom: 16 }}>
      <Breadcrumb items={[{ title: <Link to="/don-vi-cua-toi">Việc của đơn vị</Link> }, { title: props.title }]} />
      <Space style={{ width: '100%', justifyContent: 'space-between', alignItems: 'flex-start' }} wrap>
        <div>
          <Typography.Title level={2} style={{ margin: '8px 0 4px' }}>
            {props.title}
          </Typography.Title>
          <Typography.Text type="secondary">
            {props.unitName}
            {props.campaignName ? ` — ${props.campaignName}` : ''}
          </Typography.Text>
        </div>
        {props.extra}
      </Space>
    </div>
  );
}
