-- appeal-audit schema, version 5: one definition of "has an answer" (records.md,
-- Classification). Before it, an answerer alone, a list of answers alone or an answered status
-- alone was no answer for the answered share and the deadline, though routing counted it.
-- Each is an answer now. An answered status with nothing else is what rule 7 routes `unknown`
-- for `no_answerer`, so the route tells it without the phrases SQL cannot match.
UPDATE appeals SET answered = 1, state = state | 8
WHERE answered = 0
  AND (trim(answered_by) <> '' OR answers IS NOT NULL
       OR (route = 'unknown' AND route_reason = 'no_answerer'));
