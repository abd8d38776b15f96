// The order lessons are shown and spoken in, shared by the catalogue (pages) and the content
// tools (the clips for the home and topic pages list the lessons in this very order).

/**
 * By topic (as on the home screen), then by each lesson's `order` in its topic, so that a
 * lesson comes after the one it needs (file names say nothing about that).
 * @template {{ id: string, topic: string, order: number }} L
 * @param {L[]} lessons
 * @param {Array<{ id: string }>} topics
 * @returns {L[]}
 */
export function sortLessons(lessons, topics) {
	const rank = new Map(topics.map((t, i) => [t.id, i]));
	return [...lessons].sort(
		(a, b) =>
			(rank.get(a.topic) ?? topics.length) - (rank.get(b.topic) ?? topics.length) ||
			a.order - b.order ||
			a.id.localeCompare(b.id)
	);
}
