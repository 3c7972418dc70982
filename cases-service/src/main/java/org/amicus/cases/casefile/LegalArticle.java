package org.amicus.cases.casefile;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** An article of a country's legal code; charges point at these, never at free text. */
@Entity
class LegalArticle {

  @Id Long id;
  String country;
  String code;
  String number;
  String title;
}
