import type { FieldKey } from '../../core';
import { emptyDocument, extraFields } from '../../core/normalize/document';
import { readAnswer } from '../../core/normalize/fields';
import type { deIdCard } from '../../core/operations/deIdCard/entry';
import type { ecIdCard } from '../../core/operations/ecIdCard/entry';

/**
 * The vendor's keys are typed per entry. The `@ts-expect-error` lines are checked by `npm run typecheck`: should a key
 * type widen to string (so that a typo would compile), they stop being errors and the typecheck fails.
 */

describe('field keys and extras', () => {
	it('reads an answer by the keys the entry declares', () => {
		const answer = readAnswer<FieldKey<typeof deIdCard>>({ CardNumber: ' LO1X00T47 ', Surname: '' });
		expect(answer.text('CardNumber')).toBe('LO1X00T47');
		expect(answer.text('Surname')).toBeNull();
		expect(answer.first('GivenNames', 'CardNumber')).toBe('LO1X00T47');
		// @ts-expect-error: the German ID card's answer has CardNumber, not CardNo
		expect(answer.text('CardNo')).toBeNull();
	});

	it('keeps nested keys as the entry writes them', () => {
		const answer = readAnswer<FieldKey<typeof ecIdCard>>({ card_info: { id_number: '1105433765' } });
		expect(answer.text('card_info.id_number')).toBe('1105433765');
		// @ts-expect-error: the key is card_info.id_number
		expect(answer.text('id_number')).toBeNull();
	});

	it('gives a document only the extras its normalizer declares', () => {
		const extras = extraFields([{ name: 'bloodType', description: 'Blood group', type: 'string' }]);
		const doc = emptyDocument({ country: 'CO', documentType: 'ID_CARD', label: 'Cédula', typeName: 'ColombianIdCardBack' }, extras);
		expect(doc.extras).toEqual({ bloodType: null });
		expect(doc.issuingCountry).toBe('COL');
		// @ts-expect-error: the extra is bloodType
		expect(doc.extras.bloodTyp).toBeUndefined();
	});
});
