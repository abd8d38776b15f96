import { foldVietnamese } from './text';

/** A resident's own fields that a volunteer may correct after saving them. */
export interface PersonFields {
	fullName: string;
	birthYear: number;
	phone: string | null;
	relationship: string;
}

export const EDITABLE_FIELDS = ['fullName', 'birthYear', 'phone', 'relationship'] as const;

/** Said wherever an edit of someone who withdrew consent is refused (the page, the API, the op). */
export const NO_EDIT_AFTER_WITHDRAWAL =
	'Người này đã rút lại sự đồng ý lưu thông tin: không sửa thông tin của họ được nữa (dữ liệu chờ cán bộ phường xoá).';

/** The fields whose values differ (a name only by Unicode form is the same name). */
export function changedFields(before: PersonFields, after: PersonFields): (keyof PersonFields)[] {
	return EDITABLE_FIELDS.filter((field) =>
		field === 'fullName'
			? before.fullName.normalize('NFC') !== after.fullName.normalize('NFC')
			: before[field] !== after[field]
	);
}

const quoted = (text: string) => (text ? `“${text}”` : '(trống)');

/**
 * The audit row's words for a correction: which fields changed, old → new for the birth year
 * and the relationship. The name and the phone number are not written in: the audit log is
 * append-only and outlives an erasure (ops/erasure.ts), and it must not give back what was
 * erased. It says instead what kind of change the name had: the same letters with other
 * diacritics or case (the usual fix of a name typed without them), or another name.
 */
export function changeDetail(before: PersonFields, after: PersonFields): string {
	return changedFields(before, after)
		.map((field) => {
			switch (field) {
				case 'fullName':
					return foldVietnamese(before.fullName) === foldVietnamese(after.fullName)
						? 'Họ tên: sửa dấu hoặc chữ hoa'
						: 'Họ tên: đổi tên khác';
				case 'birthYear':
					return `Năm sinh: ${before.birthYear} → ${after.birthYear}`;
				case 'relationship':
					return `Quan hệ với chủ hộ: ${quoted(before.relationship)} → ${quoted(after.relationship)}`;
				case 'phone':
					return `Số điện thoại: ${before.phone === null ? 'thêm' : after.phone === null ? 'bỏ' : 'đổi'}`;
			}
		})
		.join('; ');
}
