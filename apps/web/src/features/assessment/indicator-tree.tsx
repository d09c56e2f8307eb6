import { EditOutlined, EyeOutlined, PaperClipOutlined } from '@ant-design/icons';
import { Button, Collapse, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { groupKindLabels, ruleTypeLabels } from '../../i18n/labels';
import { formatNumber } from '../../lib/format';
import type { GroupNode, IndicatorInfo, ScoreRow } from './assessment-types';
import { describeRule, formatValue, indicatorsOf, pointsText } from './scoring';

export interface TreeProps {
  groups: GroupNode[];
  scores: Map<string, ScoreRow>;
  editable: boolean;
  /** Show the lead agency's points and reasons (once verified). */
  verified: boolean;
  onOpen: (indicator: IndicatorInfo) => void;
}

const applicable = (scores: Map<string, ScoreRow>, i: IndicatorInfo) => scores.get(i.id)?.applicable !== false;
const scored = (scores: Map<string, ScoreRow>, i: IndicatorInfo) => !!scores.get(i.id)?.selfValue;

/** "đã chấm 3/4 chỉ số · 14,5/20 điểm" for a group. */
function groupSummary(g: GroupNode, scores: Map<string, ScoreRow>, verified: boolean): string {
  const inds = indicatorsOf(g).filter((i) => applicable(scores, i));
  const done = inds.filter((i) => scored(scores, i)).length;
  const points = inds.reduce((s, i) => {
    const sc = scores.get(i.id);
    return s + ((verified ? (sc?.verifiedPoints ?? sc?.selfPoints) : sc?.selfPoints) ?? 0);
  }, 0);
  const max = inds.reduce((s, i) => s + i.maxPoints, 0);
  const pts = g.kind === 'PENALTY' ? `trừ ${formatNumber(points)} điểm (tối đa ${formatNumber(max)})` : `${formatNumber(points)}/${formatNumber(max)} điểm`;
  return `đã chấm ${done}/${inds.length} chỉ số · ${pts}`;
}

function IndicatorTable({ indicators, scores, editable, verified, onOpen }: Omit<TreeProps, 'groups'> & { indicators: IndicatorInfo[] }) {
  const columns: ColumnsType<IndicatorInfo> = [
    { title: 'Mã', dataIndex: 'code', width: 64 },
    {
      title: 'Chỉ số, cách tính điểm và minh chứng cần có',
      render: (_, i) => (
        <Space orientation="vertical" size={2}>
          <span>{i.name}</span>
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            <Tag style={{ marginInlineEnd: 6 }}>{ruleTypeLabels[i.ruleType]}</Tag>
            {describeRule(i)}
          </Typography.Text>
          {i.evidence && (
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              Minh chứng: {i.evidence}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    { title: 'Tối đa', width: 80, align: 'right', render: (_, i) => formatNumber(i.maxPoints) },
    {
      title: 'Số liệu đơn vị nhập',
      width: 150,
      render: (_, i) => {
        const s = scores.get(i.id);
        if (!s?.selfValue) return <Typography.Text type="warning">Chưa chấm</Typography.Text>;
        return (
          <Space orientation="vertical" size={0}>
            <span>{formatValue(i.ruleType, s.selfValue)}</span>
            {s.evidenceFileIds.length > 0 && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                <PaperClipOutlined /> {s.evidenceFileIds.length} tệp minh chứng
              </Typography.Text>
            )}
          </Space>
        );
      },
    },
    {
      title: 'Điểm tự chấm',
      width: 100,
      align: 'right',
      render: (_, i) => {
        const p = scores.get(i.id)?.selfPoints;
        return p === null || p === undefined ? '—' : <strong>{i.groupKind === 'PENALTY' && p > 0 ? `−${formatNumber(p)}` : formatNumber(p)}</strong>;
      },
    },
    ...(verified
      ? ([
          {
            title: 'Điểm thẩm định',
            width: 220,
            render: (_: unknown, i: IndicatorInfo) => {
              const s = scores.get(i.id);
              const v = s?.verifiedPoints ?? s?.selfPoints;
              const changed = s?.verifiedPoints !== null && s?.verifiedPoints !== undefined && s.verifiedPoints !== s.selfPoints;
              return (
                <Space orientation="vertical" size={0}>
                  <span>
                    {v === null || v === undefined ? '—' : pointsText(v, i.groupKind)}
                    {changed && (
                      <Tag color="orange" style={{ marginInlineStart: 6 }}>
                        Điều chỉnh
                      </Tag>
                    )}
                  </span>
                  {changed && s?.adjustmentReason && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      Lý do: {s.adjustmentReason}
                    </Typography.Text>
                  )}
                </Space>
              );
            },
          },
        ] satisfies ColumnsType<IndicatorInfo>)
      : []),
    {
      title: '',
      width: 120,
      render: (_, i) => {
        const label = editable ? (scored(scores, i) ? 'Sửa' : 'Chấm điểm') : 'Xem';
        return (
          <Button size="small" type={editable && !scored(scores, i) ? 'primary' : 'default'} icon={editable ? <EditOutlined /> : <EyeOutlined />} aria-label={`${label} chỉ số ${i.code}`} onClick={() => onOpen(i)}>
            {label}
          </Button>
        );
      },
    },
  ];
  return <Table size="small" rowKey="id" pagination={false} dataSource={indicators} columns={columns} />;
}

function GroupPanels(props: TreeProps & { level: number }) {
  const { groups, scores, level } = props;
  const visible = groups.filter((g) => indicatorsOf(g).some((i) => applicable(scores, i)));
  return (
    <Collapse
      defaultActiveKey={visible.map((g) => g.id)}
      size={level === 0 ? 'middle' : 'small'}
      items={visible.map((g) => ({
        key: g.id,
        label: (
          <Space wrap>
            <strong>
              {g.code}. {g.name}
            </strong>
            {g.kind !== 'NORMAL' && <Tag color={g.kind === 'BONUS' ? 'green' : 'red'}>{groupKindLabels[g.kind]}</Tag>}
          </Space>
        ),
        extra: <Typography.Text type="secondary">{groupSummary(g, scores, props.verified)}</Typography.Text>,
        children: (
          <Space orientation="vertical" style={{ width: '100%' }}>
            {(g.groups ?? []).length > 0 && <GroupPanels {...props} groups={g.groups ?? []} level={level + 1} />}
            {g.indicators.some((i) => applicable(scores, i)) && <IndicatorTable {...props} indicators={g.indicators.filter((i) => applicable(scores, i))} />}
          </Space>
        ),
      }))}
    />
  );
}

/** The index as the unit fills it in: groups (and their sub-groups) as panels, each indicator a row. */
export function IndicatorTree(props: TreeProps) {
  return <GroupPanels {...props} level={0} />;
}
