package org.chinwag.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RedactorTest {

    private final Redactor redactor = new Redactor();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ring me on 07700 900123 please              | ring me on [phone] please
            my number is 07700900123                     | my number is [phone]
            call 07700-900-123 after 6                   | call [phone] after 6
            +44 7700 900123                              | [phone]
            +447700900123 is my mobile                   | [phone] is my mobile
            0044 7700 900 123                            | [phone]
            office: 0113 496 0000                        | office: [phone]
            (0113) 496 0000 any time                     | [phone] any time
            +44 (0)113 496 0000                          | [phone]
            020 7946 0000 is london                      | [phone] is london
            email me at sarah.jones@example.co.uk        | email me at [email]
            Dave_99+chinwag@mail.example.com wrote       | [email] wrote
            I live at LS12 3AB                           | I live at [postcode]
            postcode ls123ab                             | postcode [postcode]
            it's ls12 3ab near the park                  | it's [postcode] near the park
            M1 1AE                                       | [postcode]
            my NHS number is 943 476 5919                | my NHS number is [NHS number]
            nhs no 9434765919                            | nhs no [NHS number]
            nhs 943-476-5919 thanks                      | nhs [NHS number] thanks
            I live at 12 Tong Road                       | I live at [address]
            12 tong road, armley                         | [address], armley
            flat 3, 45 Harehills Lane                    | [address]
            Flat 2B 7 Chapel Street is damp              | [address] is damp
            we're at 221b Baker St                       | we're at [address]
            at 5 Meadow View now                         | at [address] now
            number 9 Kirkstall Court                     | number [address]
            my name is Sarah Jones                       | my name is [name]
            my name is sarah jones                       | my name is [name]
            my name's Dave and I live in Armley          | my name's [name] and I live in Armley
            I'm Dave                                     | I'm [name]
            Hi, I'm Priya from Harehills.                | Hi, I'm [name] from Harehills.
            Dr Patel was great                           | Dr [name] was great
            saw dr. smith yesterday                      | saw dr. [name] yesterday
            Mrs Khan next door helps                     | Mrs [name] next door helps
            my son Jack loves the park                   | my son [name] loves the park
            my neighbour, Pat Brown, is lovely           | my neighbour, [name], is lovely
            cheers, Dave                                 | cheers, [name]
            people call me Big Dave                      | people call me [name]
            call me on 07700 900123 or call me back      | call me on [phone] or call me back
            my name is dave, ring 0113 2345678           | my name is [name], ring [phone]
            I'm Sarah Jones.                             | I'm [name].
            LS6 2QT                                      | [postcode]
            34a Chapeltown Rd near the shops             | [address] near the shops
            """)
    void masksPersonalDetails(String text, String expected) {
        assertEquals(expected, redactor.redact(text));
        assertTrue(redactor.containsPersonalData(text));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "the 72 bus is never on time",
        "bus 16 at 8am is always full",
        "I've lived here since 2019",
        "LS12",
        "I'm in LS12 and LS13",
        "Tong Road is a nightmare for traffic",
        "the gym is £30 a month",
        "it costs £1,250 a year",
        "I'm 45 and have 3 kids",
        "I walk 2 miles down the road to the shop",
        "it's a 10 minute walk to the GP",
        "a 20 minute drive to St James's",
        "we waited 4 hours in A&E",
        "1 nice place to eat",
        "open 9 till 5 on weekdays",
        "I'm British and proud of it",
        "I'm fine thanks",
        "I'm Muslim",
        "I am struggling with money",
        "I think Leeds is great",
        "I went to Leeds General Infirmary",
        "the B12 injections help",
        "see you b4 2pm",
        "the M62 at 8am is a car park",
        "my reference is 1234567890",
        "the NHS is brilliant",
        "1000 people signed the petition",
        "2 for 1 on Tuesdays",
        "I ring 111 when I'm worried",
        "call 999 in an emergency",
        "the 7:30 train",
        "born 01/02/1980",
        "Childline is 0800 1111 and the helpline is 0808 2000 247",
        "Samaritans on 116 123",
        "call me anytime",
        "im dave",
        "I",
        "",
    })
    void leavesOrdinaryTextAlone(String text) {
        assertEquals(text, redactor.redact(text));
        assertFalse(redactor.containsPersonalData(text));
    }

    @Test
    void nhsChecksumDecides() {
        assertTrue(Redactor.validNhsNumber("9434765919"));
        assertFalse(Redactor.validNhsNumber("9434765918"));
        assertFalse(Redactor.validNhsNumber("0000000000"));
    }

    @Test
    void masksEverythingInOneMessage() {
        String text = "I'm Sarah, 07700 900123, sarah@example.org, 12 Tong Road LS12 3AB, NHS 943 476 5919";
        assertEquals("I'm [name], [phone], [email], [address] [postcode], NHS [NHS number]", redactor.redact(text));
    }

    @Test
    void nullIsNull() {
        assertEquals(null, redactor.redact(null));
        assertFalse(redactor.containsPersonalData(null));
    }
}
