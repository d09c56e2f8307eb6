import { useQuery } from '@apollo/client/react';
import { Select } from 'antd';
import { useState } from 'react';
import { graphql } from '../../gql';
import { orgUnitKindLabels } from '../../i18n/labels';

const UnitSearch = graphql(`
  query UnitSearch($search: String, $ids: [ID!]) {
    found: orgUnits(search: $search, first: 20) {
      edges {
        node {
          id
          name
          kind
        }
      }
    }
    chosen: orgUnits(ids: $ids, first: 5, includeInactive: true) {
      edges {
        node {
          id
          name
          kind
        }
      }
    }
  }
`);

/** Choose an org unit by typing its name (the directory in force today); the value is the unit's id. */
export function UnitSelect(props: { value?: string | null; onChange?: (id: string | null) => void; id?: string; placeholder?: string }) {
  const [search, setSearch] = useState('');
  const { data, loading } = useQuery(UnitSearch, { variables: { search: search || null, ids: props.value ? [props.value] : [] } });
  const units = [...(data?.chosen.edges ?? []), ...(data?.found.edges ?? [])].map((e) => e.node);
  const unique = [...new Map(units.map((u) => [u.id, u])).values()];
  return (
    <Select
      id={props.id}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      allowClear
      loading={loading}
      value={props.value ?? undefined}
      onChange={(v: string | undefined) => props.onChange?.(v ?? null)}
      placeholder={props.placeholder ?? 'Gõ tên đơn vị để tìm'}
      options={unique.map((u) => ({ value: u.id, label: `${u.name} (${orgUnitKindLabels[u.kind].toLowerCase()})` }))}
      notFoundContent={loading ? 'Đang tìm…' : 'Không có đơn vị phù hợp'}
    />
  );
}
