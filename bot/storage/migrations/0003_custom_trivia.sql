-- Hand-written trivia questions from each film's trivia.yaml (seed-derived).
CREATE TABLE custom_questions (
    film_id INTEGER NOT NULL REFERENCES films(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    text TEXT NOT NULL,
    answers TEXT NOT NULL,
    spoiler INTEGER NOT NULL,
    source TEXT NOT NULL,
    PRIMARY KEY (film_id, position)
);
