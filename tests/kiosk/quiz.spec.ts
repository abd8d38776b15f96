import { expect, test } from '@playwright/test';
import { Kiosk, lesson } from './kiosk-page';

test('the scam quiz asks "Có phải lừa đảo không?", explains every answer by voice; the take-away keeps the rules', async ({
	page
}) => {
	test.setTimeout(120_000);
	const k = new Kiosk(page);
	const scam = lesson('nhan-dien-lua-dao');
	const quizAt = scam.steps.findIndex((s) => s.quiz);
	const items = scam.steps[quizAt].quiz!;
	expect(items.length).toBeGreaterThanOrEqual(10);
	await k.openAtStep(scam, quizAt);

	// Tiếp tục before an answer says, on screen too, what to do (it looked broken without sound).
	await k.tap(k.next);
	await expect(page.getByRole('status')).toHaveText(
		'Bác chọn một trong hai nút: Có, lừa đảo, hoặc Không phải.'
	);
	await expect(page.getByText(`Câu 1/${items.length}`)).toBeVisible();

	for (const [i, item] of items.entries()) {
		await expect(page.getByText(`Câu ${i + 1}/${items.length}`)).toBeVisible();
		await expect(page.getByRole('group', { name: 'Có phải lừa đảo không?' })).toBeVisible();
		// Answer the first one wrongly, the rest rightly.
		const sayScam = i === 0 ? !item.scam : item.scam;
		await k.tap(k.button(sayScam ? 'Có, lừa đảo' : 'Không phải'));
		const verdict = page.getByRole('status').filter({ hasText: item.explain });
		await expect(verdict).toContainText(i === 0 ? 'Chưa đúng.' : 'Đúng rồi!');
		await expect
			.poll(async () => (await k.narrations()).some((t) => t.includes(item.explain)))
			.toBe(true);
		if (i === items.length - 1) {
			await expect(
				page.getByText(`Bác trả lời đúng ${items.length - 1}/${items.length} câu.`)
			).toBeVisible();
		}
		await k.tap(k.next);
	}
	await k.progress(quizAt + 2, scam.steps.length);

	// To the end: the printed take-away lists the five rules under their step, not just its
	// caption (on screen they are a card, which paper does not have).
	for (let i = quizAt + 1; i < scam.steps.length; i++) await k.tap(k.next);
	await expect(page.getByRole('heading', { name: 'Bác đã hoàn thành!' })).toBeVisible();
	await page.emulateMedia({ media: 'print' });
	const takeaway = page.getByRole('article');
	await expect(takeaway.getByRole('heading', { name: scam.title })).toBeVisible();
	const rules = scam.steps.find((s) => s.points)!;
	const step = takeaway.getByRole('listitem').filter({ hasText: rules.text });
	await expect(step.getByRole('listitem')).toHaveText(rules.points!);
	// Paper has no buttons to answer on: the quiz's step prints what the quiz teaches.
	const quiz = scam.steps[quizAt];
	await expect(takeaway).toContainText(quiz.print!);
	await expect(takeaway).not.toContainText(quiz.text);
});

test('Quay lại in the middle of the quiz shows the message before, with its answer, not question 1', async ({
	page
}) => {
	const k = new Kiosk(page);
	const scam = lesson('nhan-dien-lua-dao');
	const quizAt = scam.steps.findIndex((s) => s.quiz);
	const items = scam.steps[quizAt].quiz!;
	await k.openAtStep(scam, quizAt);
	for (const item of items.slice(0, 3)) {
		await k.tap(k.button(item.scam ? 'Có, lừa đảo' : 'Không phải'));
		await k.tap(k.next);
	}
	await expect(page.getByText(`Câu 4/${items.length}`)).toBeVisible();

	await k.tap(k.back);
	await expect(page.getByText(`Câu 3/${items.length}`)).toBeVisible();
	// Its answer is still there: the explanation shows and the learner can go on at once.
	await expect(page.getByRole('status').filter({ hasText: items[2].explain })).toContainText(
		'Đúng rồi!'
	);
	await k.tap(k.next);
	await expect(page.getByText(`Câu 4/${items.length}`)).toBeVisible();
	await k.progress(quizAt + 1, scam.steps.length);
});
