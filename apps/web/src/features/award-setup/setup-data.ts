// Nội vụ's setup of a campaign's awards: its award forms, its occasions and the rules of its dossiers.
import { graphql } from '../../gql';
import type { AwardSetupDetailsQuery as SetupResult } from '../../gql/graphql';

export const AwardSetupDetailsQuery = graphql(`
  query AwardSetupDetails($campaignId: ID!) {
    campaign(id: $campaignId) {
      id
      code
      name
      startDate
      endDate
      awardForms {
        id
        code
        name
        kind
        authority
        authorityTitle
        forCollectives
        forIndividuals
        validFrom
        validTo
        legalBasis {
          number
          date
          issuer
          title
        }
      }
      occasions {
        id
        kind
        name
        year
        startDate
        endDate
      }
      awardRules {
        dossierCopies
        copiesText
        leadReviewRequired
        reportConfirmations
        consultationDays
        consultationStage
        version
        updatedAt
      }
    }
  }
`);

export const CreateAwardFormMutation = graphql(`
  mutation AwardSetupCreateForm($input: AwardFormInput!) {
    createAwardForm(input: $input) {
      id
      code
      name
    }
  }
`);

export const CreateOccasionMutation = graphql(`
  mutation AwardSetupCreateOccasion($input: OccasionInput!) {
    createOccasion(input: $input) {
      id
      name
    }
  }
`);

export const SetAwardRulesMutation = graphql(`
  mutation AwardSetupSetRules($campaignId: ID!, $expectedVersion: Int, $input: CampaignAwardRulesInput!) {
    setCampaignAwardRules(campaignId: $campaignId, expectedVersion: $expectedVersion, input: $input) {
      dossierCopies
      copiesText
      leadReviewRequired
      reportConfirmations
      consultationDays
      consultationStage
      version
      updatedAt
    }
  }
`);

type SetupCampaign = NonNullable<SetupResult['campaign']>;
export type SetupForm = NonNullable<SetupCampaign['awardForms']>[number];
export type SetupOccasion = NonNullable<SetupCampaign['occasions']>[number];
export type SetupRules = SetupCampaign['awardRules'];

/** The queries other awards pages read the campaign's forms, occasions and rules from: refreshed after a change. */
export const AWARD_SETUP_READERS = ['AwardSetupDetails', 'HomeAffairsAwardSetup', 'ReviewCampaign'];
