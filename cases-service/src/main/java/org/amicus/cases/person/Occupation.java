package org.amicus.cases.person;

/** What a person does that made them a target (docs/domain.md). */
public enum Occupation {
  ACTIVIST,
  JOURNALIST,
  BLOGGER,
  LAWYER,
  HUMAN_RIGHTS_DEFENDER,
  PROTESTER,
  POLITICIAN
}
