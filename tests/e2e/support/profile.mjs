// Reads the shipped profile the way the app does, so tests know the items and right answers.
import fs from "node:fs";
import path from "node:path";
import { DIST } from "./server.mjs";

export function defaultProfile() {
  const index = JSON.parse(fs.readFileSync(path.join(DIST, "profiles/index.json"), "utf8"));
  const entry = index.profiles.find((p) => p.id === index.default);
  return JSON.parse(fs.readFileSync(path.join(DIST, "profiles", entry.file), "utf8"));
}

/** Item ids in the order the app walks them: area by area, self-ratings then questions. */
export function walkOrder(profile) {
  return profile.areas.flatMap((area) => [
    ...profile.self_ratings.filter((s) => s.area === area.id).map((s) => s.id),
    ...profile.questions.filter((q) => q.area === area.id).map((q) => q.id),
  ]);
}

export function itemById(profile, id) {
  return (
    profile.questions.find((q) => q.id === id) ??
    profile.self_ratings.find((s) => s.id === id)
  );
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
