// Public entry point of the core layer: types, errors and the task contract.
export * from './types.ts';
export * from './errors.ts';
export * from './task-spec.ts';
export * from './results.ts';
export { canonicalJson, canonicalHash, sha256Hex } from './canonical-json.ts';
export { seededRandom } from './seeded-random.ts';
export { checkImageHeader, DEFAULT_IMAGE_LIMITS, readImageHeader, type ImageFormat, type ImageHeader, type ImageLimits } from './image-header.ts';
export { closestNames } from './closest-names.ts';
export { pyFloatRepr } from './python-float.ts';
