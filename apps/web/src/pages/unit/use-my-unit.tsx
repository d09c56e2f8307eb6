import { useQuery } from '@apollo/client/react';
import { Result } from 'antd';
import type { ReactNode } from 'react';
import { graphql } from '../../gql';
import type { OrgUnitKind } from '../../gql/graphql';
import { PageSpinner } from '../../layout/page-spinner';
import { QueryErrors } from '../../layout/query-state';

const MyUnitQuery = graphql(`
  query UnitOfficerUnit {
    viewer {
      unit {
        id
        code
        name
        kind
      }
    }
  }
`);

export interface MyUnit {
  id: string;
  code: string;
  name: string;
  kind: OrgUnitKind;
}

/** The unit the signed-in officer acts for, as the graph sees the session (not as the browser remembers it). */
export function useMyUnit() {
  const { data, loading, error } = useQuery(MyUnitQuery);
  return { unit: (data?.viewer.unit ?? null) as MyUnit | null, loading: loading && !data, error };
}

/** Renders its children for the officer's unit; an account with no unit (an administrator) is told why nothing shows. */
export function WithMyUnit({ children }: { children: (unit: MyUnit) => ReactNode }) {
  const { unit, loading, error } = useMyUnit();
  if (loading) return <PageSpinner />;
  if (!unit) {
    return error ? (
      <QueryErrors error={error} />
    ) : (
      <Result
        status="info"
        title="Tài khoản chưa gắn với đơn vị"
        subTitle="Các trang này dành cho cán bộ đầu mối của một đơn vị. Đề nghị quản trị hệ thống gắn tài khoản với đơn vị của bạn."
      />
    );
  }
  return <>{children(unit)}</>;
}
