// Public entry point of the replay backend (saved predictions instead of a model).
export { ReplayBackend, type ReplayOptions } from './replay-backend.ts';
export { REPLAY_FORMATS, readSavedAnswers, type ReplayFormat, type SavedAnswer, type SavedContent } from './saved-answer.ts';
