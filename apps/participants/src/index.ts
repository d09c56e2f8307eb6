export { loadAllPresets, PRESETS } from './preset/preset.service';
export { participantsEntities, participantsSchema, startParticipants, type RunningParticipants } from './service';
export { openParticipantsDatabase, seedParticipants } from './preset/seed';
