// Reads the shipped profile the way the app does, so tests know the items and right answers.
import fs from "node:fs";
import path from "node:path";
import { DIST } from "./server.mjs";

export function defaultProfile() {
  const index = JSON.parse(fs.readFileSync(path.join(DIST, "profiles/index.json"), "utf8"));
  const entry = index.profiles.find((p) => p.id === index.default);
  return JSON.parse(fs.readFileSync(path.join(DIST, "profiles", entry.file), "utf8"));
}

/** The id of an area's self-ratings screen. */
export const ratingsScreen = (areaId) => `self-ratings_${areaId}`;

/** Screen ids in the order a full check walks them: area by area, the self-ratings screen, then each question. */
export function walkOrder(profile) {
  return profile.areas.flatMap((area) => [
    ...(profile.self_ratings.some((s) => s.area === area.id) ? [ratingsScreen(area.id)] : []),
    ...profile.questions.filter((q) => q.area === area.id).map((q) => q.id),
  ]);
}

/** A question, or for a self-ratings screen `{ ratings: [...] }` with the area's self-ratings_ */
export function itemById(profile, id) {
  if (id.startsWith("self-ratings_")) {
    const area = id.slice("self-ratings_".length);
    return { ratings: profile.self_ratings.filter((s) => s.area === area) };
  }
  return profile.questions.find((q) => q.id === id);
}

/** Option numbers (1-based, as the keys) that answer `question` right or wrong. */
export function keysFor(question, right) {
  const correct = question.options.flatMap((o, i) => (o.correct ? [i + 1] : []));
  if (right) return correct;
  const wrong = question.options.findIndex((o) => !o.correct);
  return [wrong + 1];
}

export function storageKey(profile) {
  return `fitcheck.progress.v1.${profile.id}`;
}
