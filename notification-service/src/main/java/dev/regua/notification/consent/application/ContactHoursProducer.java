package dev.regua.notification.consent.application;

import dev.regua.kernel.calendar.BankCalendar;
import dev.regua.notification.consent.domain.ContactHours;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The contact-hour rules over the national bank calendar. */
public class ContactHoursProducer {
    @Produces
    @Singleton
    ContactHours contactHours() {
        return new ContactHours(BankCalendar.national());
    }
}
