package constructs.registry;

/**
 * Properties of an {@link EcrAccountSetting}.
 *
 * @param name  the account setting; required
 * @param value one of {@link AccountSettingName#allowedValues()}; required
 */
public record EcrAccountSettingProps(AccountSettingName name, String value) {

    /**
     * Props for one setting.
     *
     * @param name the account setting
     * @param value the value, as the API spells it
     * @return the props
     */
    public static EcrAccountSettingProps of(AccountSettingName name, String value) {
        return new EcrAccountSettingProps(name, value);
    }
}
