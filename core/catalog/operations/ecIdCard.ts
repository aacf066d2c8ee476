/** Kept for the emulator and its tests, which import the Ecuador samples from here; the entry is in core/operations. */
export { ecIdCard, ecIdCardBackSample } from '../../operations/ecIdCard/entry';
