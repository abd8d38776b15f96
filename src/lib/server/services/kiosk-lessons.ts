import {
	allWalkthroughs,
	practiceCount,
	topic,
	topics,
	walkthrough,
	walkthroughsOf
} from '$lib/walkthroughs/catalog';
import { stepSpeech } from '$lib/walkthroughs/speech.js';
import type { Topic, Walkthrough } from '$lib/walkthroughs/types';
import { textHash } from '$lib/voice/clips.js';
import recordings from '$lib/voice/recordings.json';

/** One line of `GET /api/walkthroughs`. */
export interface WalkthroughSummary {
	id: string;
	title: string;
	topic: string;
	steps: number;
	practiceSteps: number;
	url: string;
}

export const lessonUrl = (id: string) => `/bai-hoc/${id}`;

export function summarise(lesson: Walkthrough): WalkthroughSummary {
	return {
		id: lesson.id,
		title: lesson.title,
		topic: lesson.topic,
		steps: lesson.steps.length,
		practiceSteps: practiceCount(lesson),
		url: lessonUrl(lesson.id)
	};
}

export function listWalkthroughs(): WalkthroughSummary[] {
	return allWalkthroughs().map(summarise);
}

export function homeTopics(): Array<Topic & { lessons: number }> {
	return topics.map((t) => ({ ...t, lessons: walkthroughsOf(t.id).length }));
}

export function topicPage(
	id: string
): { topic: Topic; lessons: Array<WalkthroughSummary & { summary: string }> } | undefined {
	const t = topic(id);
	if (!t) return undefined;
	return {
		topic: t,
		lessons: walkthroughsOf(t.id).map((l) => ({ ...summarise(l), summary: l.summary }))
	};
}

/**
 * A lesson for the player, with the human recording of each step where one exists and still
 * matches the step's text (a recording of old words would contradict the caption).
 */
export function lessonPage(
	id: string
): { lesson: Walkthrough; topic: Topic; recordings: Array<string | null> } | undefined {
	const lesson = walkthrough(id);
	if (!lesson) return undefined;
	const recorded = recordings as Record<string, string>;
	return {
		lesson,
		topic: topic(lesson.topic)!,
		recordings: lesson.steps.map((step, i) => {
			const key = `${lesson.id}/${i + 1}`;
			return recorded[key] === textHash(stepSpeech(step)) ? `/voice/human/${key}.opus` : null;
		})
	};
}
