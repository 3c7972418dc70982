package org.amicus.workflow.review;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When the deadline timers fire, counted back from the end of the deadline day (UTC).
 *
 * @param reminderBefore the people concerned get a reminder this long before
 * @param escalationBefore coordinators are alerted this long before, if still not approved
 */
@ConfigurationProperties("amicus.review")
public record ReviewProperties(
    @DefaultValue("P14D") Duration reminderBefore,
    @DefaultValue("P3D") Duration escalationBefore) {}
