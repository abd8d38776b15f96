import topicsData from './topics.json';
import type { Topic, TopicId, Walkthrough } from './types';
import { sortLessons } from './order.js';
import { validateContent } from './validate.js';

/**
 * The lesson catalogue, bundled from `lessons/*.json` and validated when first loaded (the
 * build validates it too, see `tools/vite-plugin.js`). Server-side only by convention: pages
 * get one lesson through their load, so the kiosk's JavaScript does not carry every lesson.
 */
const modules = import.meta.glob<{ default: unknown }>('./lessons/*.json', { eager: true });

const files = Object.entries(modules).map(([path, mod]) => ({
	file: `src/lib/walkthroughs/${path.slice(2)}`,
	data: mod.default
}));
const problems = validateContent(files);
if (problems.length > 0) throw new Error(`Lesson content is malformed:\n${problems.join('\n')}`);

export const topics: Topic[] = topicsData as Topic[];
const lessons = sortLessons(
	files.map((f) => f.data as Walkthrough),
	topics
);
const byId = new Map(lessons.map((l) => [l.id, l]));

export function allWalkthroughs(): Walkthrough[] {
	return lessons;
}

export function walkthrough(id: string): Walkthrough | undefined {
	return byId.get(id);
}

/** A lesson's title for a record of it; a lesson since taken off the kiosk keeps its id. */
export function walkthroughTitle(id: string): string {
	return byId.get(id)?.title ?? id;
}

export function topic(id: string): Topic | undefined {
	return topics.find((t) => t.id === id);
}

/** A topic's lessons in their `order`: what a lesson needs is listed before it. */
export function walkthroughsOf(topicId: TopicId): Walkthrough[] {
	return lessons.filter((l) => l.topic === topicId);
}

export function practiceCount(lesson: Walkthrough): number {
	return lesson.steps.filter((s) => s.practice || s.quiz).length;
}
