// The lead agency runs its campaigns: the campaign itself (draft → published), its phases and milestones, the yearly
// unit report template, the index frameworks that score it, the registrations it receives and the emulation clusters.
import { graphql } from '../../gql';
import type { AdminCampaignQuery, AdminCampaignsQuery, AdminClustersQuery, AdminRegistrationsQuery } from '../../gql/graphql';

export const CampaignsAdminQuery = graphql(`
  query AdminCampaigns {
    campaigns {
      id
      code
      name
      status
      startDate
      endDate
      publishedAt
      issuerTitle
      document {
        number
        date
        issuer
      }
      jurisdiction {
        id
        name
      }
      leadAgency {
        id
        name
      }
    }
  }
`);

export const CampaignAdminQuery = graphql(`
  query AdminCampaign($id: ID!) {
    campaign(id: $id) {
      id
      code
      name
      status
      issuerTitle
      startDate
      endDate
      version
      publishedAt
      expectedUnitKinds
      document {
        number
        date
        issuer
        title
      }
      legalBasis {
        number
        date
        issuer
        title
      }
      jurisdiction {
        id
        name
      }
      leadAgency {
        id
        name
      }
      appraisingAgency {
        id
        name
      }
      phases {
        id
        ordinal
        name
        startDate
        endDate
      }
      milestones {
        id
        kind
        title
        startDate
        dueDate
        recurrence
        sourceClause
        phase {
          id
          name
        }
      }
      unitReportTemplate {
        sourceClause
        version
        fields {
          code
          label
          type
          required
          unit
        }
      }
      frameworks {
        id
        code
        name
        yearsLabel
      }
    }
  }
`);

export const PublishedFrameworksQuery = graphql(`
  query AdminPublishedFrameworks {
    frameworks {
      id
      code
      name
      yearsLabel
      status
      targetLevel
    }
  }
`);

export const CreateCampaignMutation = graphql(`
  mutation AdminCreateCampaign($input: CampaignInput!) {
    createCampaign(input: $input) {
      id
      code
    }
  }
`);

export const UpdateCampaignMutation = graphql(`
  mutation AdminUpdateCampaign($id: ID!, $expectedVersion: Int!, $patch: CampaignPatch!) {
    updateCampaign(id: $id, expectedVersion: $expectedVersion, patch: $patch) {
      id
      version
    }
  }
`);

export const PublishCampaignMutation = graphql(`
  mutation AdminPublishCampaign($id: ID!) {
    publishCampaign(id: $id) {
      id
      status
      publishedAt
    }
  }
`);

export const AddPhaseMutation = graphql(`
  mutation AdminAddPhase($campaignId: ID!, $input: PhaseInput!) {
    addCampaignPhase(campaignId: $campaignId, input: $input) {
      id
    }
  }
`);

export const AddMilestoneMutation = graphql(`
  mutation AdminAddMilestone($campaignId: ID!, $input: MilestoneInput!) {
    addMilestone(campaignId: $campaignId, input: $input) {
      id
    }
  }
`);

export const UpdateMilestoneMutation = graphql(`
  mutation AdminUpdateMilestone($id: ID!, $input: MilestoneInput!) {
    updateMilestone(id: $id, input: $input) {
      id
    }
  }
`);

export const RemoveMilestoneMutation = graphql(`
  mutation AdminRemoveMilestone($id: ID!) {
    removeMilestone(id: $id)
  }
`);

export const SetReportTemplateMutation = graphql(`
  mutation AdminSetUnitReportTemplate($campaignId: ID!, $fields: [ReportFieldInput!]!, $sourceClause: String) {
    setUnitReportTemplate(campaignId: $campaignId, fields: $fields, sourceClause: $sourceClause) {
      version
    }
  }
`);

export const SetCampaignFrameworksMutation = graphql(`
  mutation AdminSetCampaignFrameworks($campaignId: ID!, $frameworkIds: [ID!]!) {
    setCampaignFrameworks(campaignId: $campaignId, frameworkIds: $frameworkIds) {
      id
    }
  }
`);

export const RegistrationsAdminQuery = graphql(`
  query AdminRegistrations($campaignId: ID!, $status: RegistrationStatus) {
    registrations(campaignId: $campaignId, status: $status) {
      id
      status
      commitments
      submittedAt
      decidedAt
      returnReason
      version
      unit {
        id
        name
        kind
      }
      person {
        id
        fullName
      }
    }
  }
`);

export const AcceptRegistrationMutation = graphql(`
  mutation AdminAcceptRegistration($id: ID!) {
    acceptRegistration(id: $id) {
      id
      status
      decidedAt
    }
  }
`);

export const ReturnRegistrationMutation = graphql(`
  mutation AdminReturnRegistration($id: ID!, $reason: String!) {
    returnRegistration(id: $id, reason: $reason) {
      id
      status
      returnReason
      decidedAt
    }
  }
`);

export const ClustersAdminQuery = graphql(`
  query AdminClusters {
    clusters {
      id
      code
      name
      description
      members {
        id
        name
        kind
      }
    }
  }
`);

export const CreateClusterMutation = graphql(`
  mutation AdminCreateCluster($code: String!, $name: String!, $description: String) {
    createCluster(code: $code, name: $name, description: $description) {
      id
    }
  }
`);

export const AddClusterMemberMutation = graphql(`
  mutation AdminAddClusterMember($clusterId: ID!, $unitId: ID!) {
    addClusterMember(clusterId: $clusterId, unitId: $unitId) {
      id
      members {
        id
        name
        kind
      }
    }
  }
`);

export const RemoveClusterMemberMutation = graphql(`
  mutation AdminRemoveClusterMember($clusterId: ID!, $unitId: ID!) {
    removeClusterMember(clusterId: $clusterId, unitId: $unitId) {
      id
      members {
        id
        name
        kind
      }
    }
  }
`);

export type AdminCampaignRow = AdminCampaignsQuery['campaigns'][number];
export type AdminCampaign = NonNullable<AdminCampaignQuery['campaign']>;
export type AdminMilestone = AdminCampaign['milestones'][number];
export type AdminRegistration = AdminRegistrationsQuery['registrations'][number];
export type AdminCluster = AdminClustersQuery['clusters'][number];

/** Who a registration is of: the unit, or the person. */
export const participantName = (r: AdminRegistration): string => r.unit?.name ?? r.person?.fullName ?? '';
