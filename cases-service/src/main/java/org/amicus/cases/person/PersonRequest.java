package org.amicus.cases.person;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.amicus.cases.shared.Visibility;

/** What a client sends to create or replace a person. */
public record PersonRequest(
    @NotBlank @Size(max = 300) String originalName,
    @Size(max = 20) List<@NotBlank @Size(max = 300) String> spellings,
    @Min(1900) @Max(2100) Integer birthYear,
    Gender gender,
    @Size(max = 200) String region,
    Occupation occupation,
    @Size(max = 2000) String contact,
    @NotBlank @Size(max = 200) String pseudonym,
    @NotNull Visibility visibility) {}
