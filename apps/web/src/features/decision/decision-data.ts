// Nội vụ's award decisions, the reward funds they count against, the base salaries and bonus rates that price them,
// and the quotas of nominations per proposing unit.
import { graphql } from '../../gql';
import type { HomeAffairsBonusRatesQuery, HomeAffairsDecisionAwardsQuery, HomeAffairsDecisionPreviewQuery, HomeAffairsDecisionQuery, HomeAffairsQuotasQuery, HomeAffairsRewardFundsQuery } from '../../gql/graphql';

/** A campaign's occasions and award forms, for the pickers of the decision, fund and quota pages. */
export const AwardSetupQuery = graphql(`
  query HomeAffairsAwardSetup($campaignId: ID!) {
    campaign(id: $campaignId) {
      id
      code
      name
      occasions {
        id
        kind
        name
        year
        endDate
      }
      awardForms {
        id
        name
        kind
        authority
        authorityTitle
        forCollectives
        forIndividuals
      }
    }
  }
`);

/** The awards of a campaign's recorded decisions: the decisions are grouped from them. */
export const DecisionAwardsQuery = graphql(`
  query HomeAffairsDecisionAwards($campaignId: ID!, $occasionId: ID) {
    campaign(id: $campaignId) {
      id
      awardees(occasionId: $occasionId) {
        id
        awardeeName
        collective
        bonusAmount
        form {
          id
          name
        }
        occasion {
          id
          name
          year
        }
        decision {
          id
          number
          date
          signer
          signerTitle
          totalBonus
          fundExceeded
        }
      }
    }
  }
`);

/** The nominations the council recommended at an occasion, waiting for their decision. */
export const RecommendedNominationsQuery = graphql(`
  query HomeAffairsRecommendedNominations($campaignId: ID!, $occasionId: ID) {
    nominations(campaignId: $campaignId, occasionId: $occasionId, status: RECOMMENDED) {
      id
      form {
        id
        name
      }
      occasion {
        id
        name
      }
      proposingUnit {
        id
        name
      }
      candidateUnit {
        id
        name
      }
      candidatePerson {
        id
        fullName
        position
        unit {
          id
          name
        }
      }
      achievementSummary
      bonus {
        amount
        basis
      }
    }
  }
`);

export const DecisionPreviewQuery = graphql(`
  query HomeAffairsDecisionPreview($input: AwardDecisionInput!) {
    awardDecisionPreview(input: $input) {
      form {
        id
        name
      }
      occasion {
        id
        name
        year
      }
      awards {
        nomination {
          id
        }
        name
        collective
        description
        amount
        basis
      }
      total
      fund {
        id
        year
        amount
        used
        remaining
        source
        occasion {
          id
          name
        }
      }
      remainingAfter
      exceedsFund
      warning
    }
  }
`);

/** The draft Quyết định (Word), asked for only when Nội vụ downloads it. */
export const DecisionDraftQuery = graphql(`
  query HomeAffairsDecisionDraft($input: AwardDecisionInput!) {
    awardDecisionPreview(input: $input) {
      document {
        name
        mimeType
        base64
      }
    }
  }
`);

export const RecordDecisionMutation = graphql(`
  mutation HomeAffairsRecordDecision($input: AwardDecisionInput!) {
    recordAwardDecision(input: $input) {
      id
      number
      date
      totalBonus
      fundExceeded
    }
  }
`);

export const DecisionQuery = graphql(`
  query HomeAffairsDecision($id: ID!) {
    awardDecision(id: $id) {
      id
      number
      date
      signer
      signerTitle
      totalBonus
      fundExceeded
      form {
        id
        name
        campaign {
          id
          code
          name
        }
      }
      occasion {
        id
        name
        year
      }
      awards {
        id
        awardeeName
        collective
        awardeeUnitName
        candidateUnit {
          id
          name
        }
        bonusAmount
      }
    }
  }
`);

export const DecisionDocumentQuery = graphql(`
  query HomeAffairsDecisionDocument($id: ID!) {
    awardDecision(id: $id) {
      id
      document {
        name
        mimeType
        base64
      }
    }
  }
`);

export const CertificateListQuery = graphql(`
  query HomeAffairsCertificateList($id: ID!) {
    awardDecision(id: $id) {
      id
      certificateList {
        name
        mimeType
        base64
      }
    }
  }
`);

export const RewardFundsQuery = graphql(`
  query HomeAffairsRewardFunds($campaignId: ID!) {
    rewardFunds(campaignId: $campaignId) {
      id
      year
      occasion {
        id
        name
      }
      amount
      source
      used
      remaining
      version
    }
  }
`);

export const SetRewardFundMutation = graphql(`
  mutation HomeAffairsSetRewardFund($campaignId: ID!, $year: Int!, $occasionId: ID, $amount: Float!, $source: String!, $expectedVersion: Int) {
    setRewardFund(campaignId: $campaignId, year: $year, occasionId: $occasionId, amount: $amount, source: $source, expectedVersion: $expectedVersion) {
      id
      amount
      used
      remaining
      version
    }
  }
`);

export const BonusRatesQuery = graphql(`
  query HomeAffairsBonusRates {
    baseSalaries {
      validFrom
      amount
      legalBasis
    }
    bonusRates {
      instrumentCode
      formKind
      authority
      candidateKind
      multiplier
      note
    }
    legalInstruments {
      code
      number
      title
      validFrom
      validTo
    }
  }
`);

export const SetBaseSalaryMutation = graphql(`
  mutation HomeAffairsSetBaseSalary($validFrom: Date!, $amount: Int!, $legalBasis: String!) {
    setBaseSalary(validFrom: $validFrom, amount: $amount, legalBasis: $legalBasis) {
      validFrom
      amount
      legalBasis
    }
  }
`);

export const SetBonusRateMutation = graphql(`
  mutation HomeAffairsSetBonusRate($instrumentCode: String!, $formKind: FormKind!, $authority: Authority!, $candidateKind: CandidateKind!, $multiplier: Float!, $note: String) {
    setBonusRate(instrumentCode: $instrumentCode, formKind: $formKind, authority: $authority, candidateKind: $candidateKind, multiplier: $multiplier, note: $note) {
      instrumentCode
      formKind
      authority
      candidateKind
      multiplier
      note
    }
  }
`);

export const QuotasQuery = graphql(`
  query HomeAffairsQuotas($occasionId: ID!) {
    quotas(occasionId: $occasionId) {
      id
      proposingUnit {
        id
        name
        kind
      }
      form {
        id
        name
      }
      maxNominations
      used
    }
  }
`);

export const QuotaUnitsQuery = graphql(`
  query HomeAffairsQuotaUnits($campaignId: ID!, $asOf: Date) {
    campaign(id: $campaignId) {
      id
      expectedUnits(asOf: $asOf) {
        id
        name
        kind
        validTo
      }
    }
  }
`);

export const SetQuotaMutation = graphql(`
  mutation HomeAffairsSetQuota($occasionId: ID!, $proposingUnitId: ID!, $formId: ID, $maxNominations: Int!) {
    setQuota(occasionId: $occasionId, proposingUnitId: $proposingUnitId, formId: $formId, maxNominations: $maxNominations) {
      id
      maxNominations
      used
    }
  }
`);

export type DecisionAward = NonNullable<NonNullable<HomeAffairsDecisionAwardsQuery['campaign']>['awardees']>[number];
export type Preview = HomeAffairsDecisionPreviewQuery['awardDecisionPreview'];
export type PreviewLine = Preview['awards'][number];
export type Decision = NonNullable<HomeAffairsDecisionQuery['awardDecision']>;
export type RewardFund = HomeAffairsRewardFundsQuery['rewardFunds'][number];
export type BonusRate = HomeAffairsBonusRatesQuery['bonusRates'][number];
export type BaseSalary = HomeAffairsBonusRatesQuery['baseSalaries'][number];
export type LegalInstrument = HomeAffairsBonusRatesQuery['legalInstruments'][number];
export type Quota = HomeAffairsQuotasQuery['quotas'][number];

/** A recorded decision as the list shows it: grouped from its awards. */
export interface DecisionRow {
  id: string;
  number: string;
  date: string;
  signer: string;
  signerTitle: string;
  totalBonus: number;
  fundExceeded: boolean;
  formName: string;
  occasionName: string;
  awardees: number;
}

/** The decisions behind a campaign's awards, newest first. */
export function decisionsOf(awards: DecisionAward[]): DecisionRow[] {
  const byId = new Map<string, DecisionRow>();
  for (const a of awards) {
    const d = a.decision;
    const row = byId.get(d.id);
    if (row) row.awardees += 1;
    else
      byId.set(d.id, {
        id: d.id,
        number: d.number,
        date: d.date,
        signer: d.signer,
        signerTitle: d.signerTitle,
        totalBonus: d.totalBonus,
        fundExceeded: d.fundExceeded,
        formName: a.form.name,
        occasionName: a.occasion.name,
        awardees: 1,
      });
  }
  return [...byId.values()].sort((a, b) => b.date.localeCompare(a.date) || b.number.localeCompare(a.number, 'vi'));
}
