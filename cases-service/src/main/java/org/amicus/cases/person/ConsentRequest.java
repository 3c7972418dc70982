package org.amicus.cases.person;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import java.time.LocalDate;

/** A person's decision to give or withdraw consent to be named on a channel. */
public record ConsentRequest(
    @NotNull Channel channel, @NotNull Boolean granted, @NotNull @PastOrPresent LocalDate date) {}
