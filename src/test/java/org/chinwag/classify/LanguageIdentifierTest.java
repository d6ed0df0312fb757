package org.chinwag.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Short messages in the languages Leeds residents write, including those OpenNLP's detector does not know. */
class LanguageIdentifierTest {

    private final LanguageIdentifier identifier = LanguageIdentifier.standard();

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            en  | the buses never turn up on time round here
            pl  | autobusy są za drogie i często się spóźniają
            pl  | nie chce juz zyc
            ro  | autobuzele sunt prea scumpe și vin târziu
            cs  | autobusy jsou moc drahé a často nejezdí
            sk  | autobusy sú príliš drahé a často nechodia
            pt  | os autocarros são muito caros e chegam sempre atrasados
            kmr | ez êdî naxwazim bijîm, ez pir westiyame
            ckb | من ئیتر نامەوێت بژیم
            ar  | الحافلات غالية جدا ولا تأتي في الوقت
            ur  | بسیں بہت مہنگی ہیں اور دیر سے آتی ہیں
            fa  | اتوبوس‌ها خیلی گران هستند و دیر می‌آیند
            pa  | ਬੱਸਾਂ ਬਹੁਤ ਮਹਿੰਗੀਆਂ ਹਨ
            bn  | বাস খুব দামি আর দেরি করে আসে
            zh  | 公交车太贵了，而且经常迟到
            ti  | ኣውቶቡሳት ኣዝዮም ክቡራት እዮም
            """)
    void recognisesTheLanguagesResidentsWrite(String expected, String text) {
        assertEquals(expected, identifier.detect(text).language(), text);
    }

    @Test
    void noLettersNoLanguage() {
        assertNull(identifier.detect("123 :) !!"));
    }
}
