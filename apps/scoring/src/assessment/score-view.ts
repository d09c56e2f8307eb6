import type { Indicator } from '../framework/framework.entity';
import type { IndicatorScore } from './assessment.entity';

/** One indicator of an assessment as shown: whether it applies to the unit, and the score if any. */
export interface ScoreView {
  indicator: Indicator;
  applicable: boolean;
  score: IndicatorScore | null;
  /** May the viewer see the unit's values, notes, evidence and the verifier's reasons? */
  detailed: boolean;
}
